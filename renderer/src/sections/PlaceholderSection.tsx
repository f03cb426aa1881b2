import type { SectionId } from '../sections.ts';

/** What each section that is not built yet will hold, so the skeleton explains the product. */
const plans: Partial<Record<SectionId, { title: string; text: string }>> = {
  placement: {
    title: 'Placement',
    text:
      'Pick a pod or paste a spec to see every node ranked for it, with the reasons kube-scheduler would ' +
      'give for each filter and score, and where Foresight disagrees because of load or risk.',
  },
  scaling: {
    title: 'Scaling',
    text:
      'Replica and HPA advice for each workload, a weekly scaling schedule learned from history, and ' +
      'right-sized requests, each with what it costs or saves.',
  },
  actions: {
    title: 'Actions',
    text:
      'Cordon, taint, drain and scale with one click: a dry-run first, your RBAC checked, ' +
      'PodDisruptionBudgets respected, every action audited and undoable, with the equivalent kubectl command.',
  },
};

export function PlaceholderSection({ section }: { section: SectionId }) {
  const plan = plans[section];
  if (!plan) return null;
  return (
    <section className="section" aria-labelledby={`${section}-title`}>
      <header className="section-header">
        <h1 id={`${section}-title`}>{plan.title}</h1>
      </header>
      <p className="placeholder" data-testid={`placeholder-${section}`}>
        {plan.text}
      </p>
      <p className="muted">Not built yet.</p>
    </section>
  );
}
