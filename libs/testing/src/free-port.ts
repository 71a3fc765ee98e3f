export { freePort } from '@lep/engines';
