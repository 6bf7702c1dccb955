"use client";

import { useEffect, useId, useState } from "react";
import { EngineFaceOverlay } from "@/components/media/engine-faces";
import { Button } from "@/components/ui/button";
import type { UploadedPictureSearch } from "@/lib/face-search/search-uploaded-picture";
import { postPictureSearch } from "../_lib/post-picture-search";
import { SimilarFaces } from "./similar-faces";

// Search by face from an uploaded picture. The picture stays in the browser (shown from a blob:
// URL); the server reads it for the one search and keeps nothing. Choosing another face sends the
// picture again with that face's number.

type State =
  | { kind: "idle" }
  | { kind: "searching" }
  | { kind: "refused"; message: string; errors: Record<string, string[]> }
  | { kind: "done"; search: UploadedPictureSearch };

export function PictureSearch({ matchAbove }: { matchAbove: number }) {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const [state, setState] = useState<State>({ kind: "idle" });

  // The last preview URL is released when the page goes.
  useEffect(() => () => void (preview && URL.revokeObjectURL(preview)), [preview]);

  async function search(face: number | null) {
    if (!file) return setState({ kind: "refused", message: "Choose a picture first.", errors: { picture: ["Choose a JPEG or PNG picture."] } });
    setState({ kind: "searching" });
    const answer = await postPictureSearch(file, face);
    setState(answer.ok ? { kind: "done", search: answer.search } : { kind: "refused", message: answer.message, errors: answer.errors });
  }

  const pictureErrors = state.kind === "refused" ? (state.errors.picture ?? []) : [];
  return (
    <div className="flex flex-col gap-6">
      <form
        className="flex flex-wrap items-end gap-3"
        onSubmit={(e) => {
          e.preventDefault();
          void search(null);
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor={inputId} className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Picture (JPEG or PNG)</label>
          <input
            id={inputId}
            name="picture"
            type="file"
            accept="image/jpeg,image/png"
            aria-invalid={pictureErrors.length > 0}
            className="text-sm file:mr-3 file:rounded-md file:border file:border-zinc-300 file:bg-white file:px-3 file:py-1.5 file:text-sm dark:file:border-zinc-700 dark:file:bg-zinc-900"
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              setPreview(chosen ? URL.createObjectURL(chosen) : null);
              setState({ kind: "idle" });
            }}
          />
        </div>
        <Button type="submit" disabled={!file || state.kind === "searching"}>{state.kind === "searching" ? "Searching…" : "Search"}</Button>
      </form>
      <p className="max-w-2xl text-xs text-zinc-500">The picture is read by Verdict&apos;s engine for this search only and is not stored; the audit log records who searched, when, the picture&apos;s SHA-256 and how many faces were found.</p>
      {state.kind === "refused" ? (
        <div role="alert" className="text-sm text-red-700 dark:text-red-400">
          <p>{state.message}</p>
          {Object.entries(state.errors).map(([field, messages]) => <p key={field}>{field}: {messages.join(" ")}</p>)}
        </div>
      ) : null}
      {state.kind === "done" && preview ? <PictureSearchResult search={state.search} preview={preview} matchAbove={matchAbove} onChooseFace={(i) => void search(i)} /> : null}
    </div>
  );
}

function PictureSearchResult({ search, preview, matchAbove, onChooseFace }: { search: UploadedPictureSearch; preview: string; matchAbove: number; onChooseFace: (face: number) => void }) {
  const { faces, searchedFace } = search;
  const drawn = { width: search.picture.width, height: search.picture.height, boxes: faces.map((f) => ({ box: f.box, score: f.score, yaw: 0 })) };
  return (
    <div className="flex flex-col gap-6">
      <section aria-labelledby="query-face" className="flex flex-wrap items-start gap-4">
        <div className="relative size-40 shrink-0 overflow-hidden rounded bg-zinc-100 dark:bg-zinc-800">
          <img src={preview} alt="The uploaded picture" className="size-full object-contain" />
          {/* The overlay draws its first box green: the face searched with goes first. */}
          {searchedFace !== null ? <EngineFaceOverlay faces={{ ...drawn, boxes: [drawn.boxes[searchedFace], ...drawn.boxes.filter((_, i) => i !== searchedFace)] }} /> : null}
        </div>
        <div className="flex max-w-xl flex-col gap-2 text-sm">
          <h2 id="query-face" className="font-medium">Searched with</h2>
          {searchedFace === null ? (
            <p role="alert" className="text-amber-800 dark:text-amber-300">No face found in this picture: Verdict&apos;s engine found nothing to search with. Try a sharper picture where the face is large and seen from the front.</p>
          ) : faces.length === 1 ? (
            <p>The face found in the uploaded picture (green box).</p>
          ) : (
            <>
              <p>{faces.length} faces found; searched with face {searchedFace + 1}{searchedFace === 0 ? ", the largest" : ""} (green box). Search with another:</p>
              <div className="flex flex-wrap gap-2">
                {faces.map((_, i) => (
                  <Button key={i} size="sm" variant={i === searchedFace ? "primary" : "secondary"} aria-pressed={i === searchedFace} onClick={() => onChooseFace(i)}>
                    Face {i + 1}{i === 0 ? " (largest)" : ""}
                  </Button>
                ))}
              </div>
            </>
          )}
        </div>
      </section>
      {searchedFace !== null ? (
        <section aria-labelledby="results-heading" className="flex flex-col gap-2">
          <h2 id="results-heading" className="font-medium">Most similar faces</h2>
          <p className="text-xs text-zinc-500">Similarity is the cosine of the engine&apos;s descriptors; from {matchAbove.toFixed(2)} (the duplicate-face rule&apos;s threshold) the faces are very likely the same person.</p>
          <SimilarFaces results={search.results} matchAbove={matchAbove} />
        </section>
      ) : null}
    </div>
  );
}
