import { peersGlobalSetup } from '@lep/testing';

export default peersGlobalSetup({ postgres: true, s3: true });
