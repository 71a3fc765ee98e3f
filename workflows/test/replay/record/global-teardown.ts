export { peersGlobalTeardown as default } from '@lep/testing';
