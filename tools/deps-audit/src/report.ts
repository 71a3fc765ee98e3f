import { SEVERITIES, type Severity } from './advisories';
import { findingsAtOrAbove, type AuditResult, type Finding } from './audit';

export interface ReportContext {
  lockfile: string;
  database: string;
  commit?: string;
  threshold: Severity;
}

/** The audit as the operator reads it: one block per finding, then counts by severity and the verdict. */
export function formatReport(result: AuditResult, context: ReportContext): string {
  const lines = [
    `依赖审计 (离线): ${context.lockfile}`,
    `公告数据库: ${context.database}${context.commit === undefined ? '' : ` @ ${context.commit}`}`,
    `生产依赖 ${result.packagesAudited} 个, npm 公告 ${result.advisoriesLoaded} 条`,
    '',
    ...result.findings.flatMap(formatFinding),
    ...result.unreadable.map(
      (item) => `[无法判断] ${item.package.name} ${item.package.version} ${item.advisoryId}: ${item.reason}`,
    ),
    `按严重程度: ${SEVERITIES.slice()
      .reverse()
      .map((severity) => `${severity} ${countOf(result, severity)}`)
      .join(', ')}${unratedCount(result) > 0 ? `, 未评级 ${unratedCount(result)}` : ''}`,
    verdict(result, context.threshold),
  ];
  return lines.join('\n');
}

function formatFinding(finding: Finding): string[] {
  const { package: pkg, advisory } = finding;
  return [
    `[${advisory.severity ?? '未评级'}] ${pkg.name} ${pkg.version}  ${advisory.id}  修复版本: ${finding.fixedIn ?? '无'}`,
    `    ${advisory.summary}`,
    `    路径: ${pkg.path?.join(' > ') ?? `${pkg.location} (无生产依赖链可循)`}`,
    '',
  ];
}

function verdict(result: AuditResult, threshold: Severity): string {
  const failing = findingsAtOrAbove(result, threshold).length;
  return failing === 0
    ? `通过: 没有 ${threshold} 及以上的发现`
    : `未通过: ${failing} 项发现达到 ${threshold} 及以上`;
}

function countOf(result: AuditResult, severity: Severity): number {
  return result.findings.filter((finding) => finding.advisory.severity === severity).length;
}

function unratedCount(result: AuditResult): number {
  return result.findings.filter((finding) => finding.advisory.severity === undefined).length;
}
