import { age, ageColumn, column, int, nameColumn, rec, type Printer } from './table.ts';

/** `kubectl get pdb`: printPodDisruptionBudget in printers.go. */
export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    nameColumn(),
    column(
      'Min Available',
      'The minimum number of pods that must be available simultaneously.  This can be either an integer or percentage.',
    ),
    column(
      'Max Unavailable',
      'The maximum number of pods that may be unavailable simultaneously.  This can be either an integer or percentage.',
    ),
    column('Allowed Disruptions', 'Calculated number of pods that may be disrupted at this time.', {
      type: 'integer',
    }),
    ageColumn(),
  ],
  cells(pdb, now) {
    const spec = rec(pdb, 'spec');
    const intOrString = (value: unknown) =>
      typeof value === 'number' || typeof value === 'string' ? String(value) : 'N/A';
    return [
      pdb.metadata.name ?? '',
      intOrString(spec.minAvailable),
      intOrString(spec.maxUnavailable),
      int(rec(pdb, 'status'), 'disruptionsAllowed'),
      age(pdb, now),
    ];
  },
};
