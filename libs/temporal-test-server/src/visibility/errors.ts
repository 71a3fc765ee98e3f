/**
 * Raised for any query Temporal's visibility converter would refuse. The server maps it to gRPC
 * INVALID_ARGUMENT, so the message is what a developer sees next to their query: it names the
 * offending token and where it starts.
 */
export class VisibilityQueryError extends Error {
  override readonly name = 'VisibilityQueryError';

  /**
   * @param reason what is wrong, in words a query author understands
   * @param token the source text of the offending token ('' when the query ended too early)
   * @param offset 0-based index of that token in the query string
   */
  constructor(
    readonly reason: string,
    readonly token: string,
    readonly offset: number,
  ) {
    super(
      `可见性查询无效：${reason}（${token === '' ? '查询末尾' : `第 ${offset + 1} 个字符处的 "${token}"`}）`,
    );
  }
}
