/** Calendar day (YYYY-MM-DD) in China Standard Time: certificates and lists are dated in local days. */
export function chinaDate(instant: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(instant);
}

export const DATE_ONLY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
