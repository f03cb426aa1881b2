import {
  age,
  ageColumn,
  column,
  int,
  list,
  nameColumn,
  rec,
  since,
  str,
  NAME_DESCRIPTION,
  type Printer,
} from './table.ts';

/** Namespaces, events, services and config maps as printers.go prints them. */

export const namespacePrinter: Printer = {
  columns: [nameColumn(), column('Status', 'The status of the namespace'), ageColumn()],
  cells: (namespace, now) => [
    namespace.metadata.name ?? '',
    str(rec(namespace, 'status'), 'phase'),
    age(namespace, now),
  ],
};

export const eventPrinter: Printer = {
  columns: [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column(
      'Reason',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    column('Object', 'The object that this event is about.'),
    column(
      'Subobject',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].',
      {
        priority: 1,
      },
    ),
    column('Source', 'The component reporting this event. Should be a short machine understandable string.', {
      priority: 1,
    }),
    column('Message', 'A human-readable description of the status of this operation.'),
    column(
      'First Seen',
      'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
      {
        priority: 1,
      },
    ),
    column('Count', 'The number of times this event has occurred.', { priority: 1 }),
    column('Name', NAME_DESCRIPTION, { priority: 1, format: 'name' }),
  ],
  cells(event, now) {
    const first = event.firstTimestamp ? since(event.firstTimestamp, now) : since(event.eventTime, now);
    let last = event.lastTimestamp ? since(event.lastTimestamp, now) : first;
    let count = int(event, 'count');
    const series = rec(event, 'series');
    if (event.series) {
      last = since(series.lastObservedTime, now);
      count = int(series, 'count');
    } else if (count === 0) {
      count = 1;
    }
    const involved = rec(event, 'involvedObject');
    const kind = str(involved, 'kind').toLowerCase();
    const name = str(involved, 'name');
    const source = rec(event, 'source');
    const component = str(source, 'component') || str(event, 'reportingController');
    const instance = str(source, 'host') || str(event, 'reportingInstance');
    return [
      last,
      str(event, 'type'),
      str(event, 'reason'),
      name ? `${kind}/${name}` : kind,
      str(involved, 'fieldPath'),
      instance ? `${component}, ${instance}` : component,
      str(event, 'message').trim(),
      first,
      count,
      event.metadata.name ?? '',
    ];
  },
};

export const servicePrinter: Printer = {
  columns: [
    nameColumn(),
    column('Type', 'type determines how the Service is exposed.'),
    column('Cluster-IP', 'clusterIP is the IP address of the service and is usually assigned randomly.'),
    column(
      'External-IP',
      'List of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    ),
    column('Port(s)', 'The list of ports that are exposed by this service.'),
    ageColumn(),
    column('Selector', 'Route service traffic to pods with label keys and values matching this selector.', {
      priority: 1,
    }),
  ],
  cells(service, now) {
    const spec = rec(service, 'spec');
    const type = str(spec, 'type') || 'ClusterIP';
    const ingress = list(rec(rec(service, 'status'), 'loadBalancer'), 'ingress').map(
      (i) => str(i, 'ip') || str(i, 'hostname'),
    );
    const external = [...(Array.isArray(spec.externalIPs) ? spec.externalIPs.map(String) : []), ...ingress];
    const externalText =
      external.length > 0
        ? external.join(',')
        : type === 'LoadBalancer'
          ? '<pending>'
          : type === 'ExternalName'
            ? str(spec, 'externalName')
            : '<none>';
    const ports = list(spec, 'ports').map((p) => {
      const nodePort = typeof p.nodePort === 'number' ? `:${p.nodePort}` : '';
      return `${int(p, 'port')}${nodePort}/${str(p, 'protocol') || 'TCP'}`;
    });
    const selector = rec(spec, 'selector');
    const keys = Object.keys(selector).sort();
    return [
      service.metadata.name ?? '',
      type,
      str(spec, 'clusterIP') || '<none>',
      externalText,
      ports.length > 0 ? ports.join(',') : '<none>',
      age(service, now),
      keys.length > 0 ? keys.map((k) => `${k}=${String(selector[k])}`).join(',') : '<none>',
    ];
  },
};

export const configMapPrinter: Printer = {
  columns: [
    nameColumn(),
    column('Data', 'Data contains the configuration data.', { type: 'integer' }),
    ageColumn(),
  ],
  cells: (configMap, now) => [
    configMap.metadata.name ?? '',
    Object.keys(rec(configMap, 'data')).length + Object.keys(rec(configMap, 'binaryData')).length,
    age(configMap, now),
  ],
};

/** Kinds without a printer of their own: kube-apiserver's default table. */
export const defaultPrinter: Printer = {
  columns: [
    nameColumn(),
    column(
      'Created At',
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
      { type: 'date' },
    ),
  ],
  cells: (object) => [object.metadata.name ?? '', object.metadata.creationTimestamp ?? ''],
};
