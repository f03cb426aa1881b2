import { useNavigation } from '../app/storesContext.ts';
import { hashFor, sections } from '../sections.ts';

export function NavBar() {
  const current = useNavigation((state) => state.section);
  return (
    <nav className="nav" aria-label="Sections">
      {sections.map((section) => (
        <a
          key={section.id}
          href={hashFor(section.id)}
          className={section.id === current ? 'nav-item nav-item-active' : 'nav-item'}
          aria-current={section.id === current ? 'page' : undefined}
          data-testid={`nav-${section.id}`}
        >
          {section.label}
        </a>
      ))}
    </nav>
  );
}
