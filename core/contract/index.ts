export * from './errors.ts';
export * from './model.ts';
export * from './methods.ts';
export * from './reports.ts';
export * from './events.ts';
export * from './envelope.ts';
export * from './validate.ts';
export * from './transport.ts';
