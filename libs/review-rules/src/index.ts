export * from './major-decision';
