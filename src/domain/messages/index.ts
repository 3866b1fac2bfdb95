// The one catalogue of Russian text a user reads, grouped by audience; import from here.
export * from './common';
export * from './validation';
export * from './customFunctions';
export * from './workbook';
export * from './coordinator';
export * from './admin';
export * from './email';
export * from './deployment';
