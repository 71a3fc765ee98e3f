import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ensureDebianPackages } from './debian-packages';

const PDFTOTEXT = '/usr/bin/pdftotext';
const PDFTOPPM = '/usr/bin/pdftoppm';
const NOTO_CJK = '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc';

/**
 * Debian's fonts-noto-cjk, the Chinese fonts the documents service renders with (its default font paths);
 * installed on first use as root, as the service's image installs it.
 */
export function ensureCjkFonts(): void {
  if (!existsSync(NOTO_CJK)) ensureDebianPackages(['fonts-noto-cjk'], 'Rendering documents');
}

function ensurePoppler(): void {
  if (!existsSync(PDFTOTEXT) || !existsSync(PDFTOPPM))
    ensureDebianPackages(['poppler-utils'], 'Reading rendered PDFs back (pdftotext, pdftoppm)');
}

/** The text of a PDF as poppler's pdftotext reads it (a PDF reader we did not write), pages in order. */
export function pdfText(pdf: Buffer): string {
  ensurePoppler();
  return execFileSync(PDFTOTEXT, ['-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    maxBuffer: 64 * 1024 * 1024,
  }).toString('utf8');
}

/** The pages of a PDF rendered to PNG by poppler's pdftoppm, at `dpi`. */
export function pdfPages(pdf: Buffer, dpi = 50): Buffer[] {
  ensurePoppler();
  const directory = mkdtempSync(path.join(tmpdir(), 'lep-pdf-'));
  try {
    const input = path.join(directory, 'document.pdf');
    writeFileSync(input, pdf);
    execFileSync(PDFTOPPM, ['-r', String(dpi), '-png', input, path.join(directory, 'page')]);
    return readdirSync(directory)
      .filter((name) => name.endsWith('.png'))
      .sort()
      .map((name) => readFileSync(path.join(directory, name)));
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}
