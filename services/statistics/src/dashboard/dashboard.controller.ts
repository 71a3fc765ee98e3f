import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { Public } from '@lep/auth';

// The package's dashboard/ folder, from src/dashboard (tests) and dist/dashboard (built) alike; read once.
const asset = (name: string): string =>
  readFileSync(path.join(__dirname, '..', '..', 'dashboard', name), 'utf8');

/**
 * The supervisors' dashboard (行政执法统计监督): a static page and script carrying no data; the script calls the
 * authenticated statistics and warnings API with the staff token, so the figures stay scoped to the caller.
 */
@ApiExcludeController()
@Controller()
@Public()
export class DashboardController {
  private readonly html = asset('index.html');
  private readonly script = asset('dashboard.js');

  @Get(['dashboard', 'dashboard/'])
  @Header('content-type', 'text/html; charset=utf-8')
  page(): string {
    return this.html;
  }

  @Get('dashboard/dashboard.js')
  @Header('content-type', 'text/javascript; charset=utf-8')
  js(): string {
    return this.script;
  }
}
