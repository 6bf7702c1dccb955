import { PageHeader } from "@/components/ui/page-header";

// For sections a later milestone builds; says plainly what will be here.
export function ComingSoon({ title, description, what }: { title: string; description: string; what: string[] }) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <div className="rounded-lg border border-dashed border-zinc-300 p-6 dark:border-zinc-700">
        <p className="text-sm font-medium">Coming in a later release</p>
        <ul className="mt-2 list-disc pl-5 text-sm text-zinc-600 dark:text-zinc-400">
          {what.map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      </div>
    </>
  );
}
