/** Short local date-time for "paused until …". */
export function formatWhen(time: number, locale: string, now: number): string {
  const sameDay = new Date(time).toDateString() === new Date(now).toDateString();
  const options: Intl.DateTimeFormatOptions = sameDay
    ? { hour: 'numeric', minute: '2-digit' }
    : { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' };
  return new Intl.DateTimeFormat(locale, options).format(time);
}
