export * from './constants';
export * from './workflow-types';
