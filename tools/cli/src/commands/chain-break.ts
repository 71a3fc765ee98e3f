import type { ChainVerification } from '@lep/hash-chain';

type BreakReason = Extract<ChainVerification, { valid: false }>['reason'];

/** Why a hash chain broke, in the words staff read; `entry` names what the chain holds (记录, 日志). */
export function describeChainBreak(reason: BreakReason, entry: string): string {
  switch (reason) {
    case 'sequence-gap':
      return `序号缺失或错序（${entry}被删除或调换）`;
    case 'previous-hash-mismatch':
      return `前序哈希不符（之前的${entry}被改动后重算了哈希）`;
    case 'content-hash-mismatch':
      return `内容与哈希不符（${entry}内容被改动）`;
  }
}
