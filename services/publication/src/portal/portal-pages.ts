import type { Request } from 'express';
import { displayPrefs, page, PageOptions } from './pages/html';

/** Renders a portal page for `request`: the reader's display choices and the page's own address filled in. */
export function renderPage(request: Request, options: Omit<PageOptions, 'display' | 'path'>): string {
  return page({ ...options, display: displayPrefs(request.headers.cookie), path: request.originalUrl });
}

export const HOME: [string, string] = ['首页', '/portal'];
