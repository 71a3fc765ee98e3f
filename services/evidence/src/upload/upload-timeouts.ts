import type { Server } from 'node:http';
import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';

/**
 * Node ends any request that takes longer than five minutes in total (`requestTimeout`), which would cut
 * off every multi-GB video upload over an ordinary link. Uploads are bounded instead by an idle timeout
 * (no bytes for EVIDENCE_UPLOAD_IDLE_SECONDS), set per upload.
 */
@Injectable()
export class UploadTimeouts implements OnApplicationBootstrap {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onApplicationBootstrap(): void {
    const server = this.adapterHost.httpAdapter?.getHttpServer() as Server | undefined;
    if (server) server.requestTimeout = 0;
  }
}
