export * from './types';
export * from './codes';
export * from './timezones';
export * from './names';
