import { formatDateTime } from "@/lib/verifications/verification-labels";

// A UTC timestamp on two lines (date, then time) so a narrow table column can hold it.
export function StackedDateTime({ value }: { value: string }) {
  const [date, time] = formatDateTime(value).split(" ");
  return (
    <time dateTime={value} title={formatDateTime(value)} className="flex flex-col whitespace-nowrap text-xs tabular-nums">
      <span>{date}</span>
      <span className="text-zinc-500">{time} UTC</span>
    </time>
  );
}
