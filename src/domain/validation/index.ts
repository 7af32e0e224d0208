export * from './text';
export * from './checkIn';
