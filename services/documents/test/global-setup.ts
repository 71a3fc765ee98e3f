import { peersGlobalSetup } from '@lep/testing';

export default peersGlobalSetup({ postgres: true, kafka: true, s3: true });
