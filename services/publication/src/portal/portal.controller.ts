import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lep/auth';

// The package's portal/ folder, from src/portal (tests) and dist/portal (built) alike; read once, served from memory.
const asset = (name: string): string =>
  readFileSync(path.join(__dirname, '..', '..', 'portal', name), 'utf8');

/** The public portal (行政执法公示平台): static HTML and a small script calling the public API. */
@ApiExcludeController()
@Controller()
@Public()
export class PortalController {
  private readonly html = asset('index.html');
  private readonly script = asset('portal.js');

  @Get(['portal', 'portal/'])
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  page(): string {
    return this.html;
  }

  @Get('portal/portal.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  @Header('cache-control', 'public, max-age=300')
  js(): string {
    return this.script;
  }
}
