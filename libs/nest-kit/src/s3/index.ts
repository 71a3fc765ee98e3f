export * from './s3.module';
