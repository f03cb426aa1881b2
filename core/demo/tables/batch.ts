import {
  age,
  ageColumn,
  column,
  containerCells,
  humanDuration,
  list,
  nameColumn,
  rec,
  selectorText,
  str,
  type Printer,
} from './table.ts';

/** `kubectl get jobs`: printJob in printers.go (1.32 columns, with STATUS). */
export const jobPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Status', 'Status of the job.'),
    column('Completions', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'Time required to complete the job.'),
    ageColumn(),
    column('Containers', 'Names of each container in the template.', { priority: 1 }),
    column('Images', 'Images referenced by each container in the template.', { priority: 1 }),
    column('Selector', 'A label query over pods that should match the pod count.', { priority: 1 }),
  ],
  cells(job, now) {
    const spec = rec(job, 'spec');
    const status = rec(job, 'status');
    const succeeded = typeof status.succeeded === 'number' ? status.succeeded : 0;
    let completions: string;
    if (typeof spec.completions === 'number') completions = `${succeeded}/${spec.completions}`;
    else if (typeof spec.parallelism === 'number' && spec.parallelism > 1)
      completions = `${succeeded}/1 of ${spec.parallelism}`;
    else completions = `${succeeded}/1`;

    const start = Date.parse(str(status, 'startTime'));
    const end = Date.parse(str(status, 'completionTime'));
    const duration = Number.isNaN(start) ? '' : humanDuration((Number.isNaN(end) ? now : end) - start);

    const has = (type: string) =>
      list(status, 'conditions').some((c) => c.type === type && c.status === 'True');
    let state = 'Running';
    if (has('Complete')) state = 'Complete';
    else if (has('Failed')) state = 'Failed';
    else if (job.metadata.deletionTimestamp) state = 'Terminating';
    else if (has('Suspended')) state = 'Suspended';
    else if (has('FailureTarget')) state = 'FailureTarget';
    else if (has('SuccessCriteriaMet')) state = 'SuccessCriteriaMet';

    return [
      job.metadata.name ?? '',
      state,
      completions,
      duration,
      age(job, now),
      ...containerCells(rec(rec(spec, 'template'), 'spec')),
      selectorText(spec.selector),
    ];
  },
};
