export * from './draft-facts';
export * from './major-decision';
