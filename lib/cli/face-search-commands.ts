import type { Command } from "commander";
import { sqlPool } from "@/lib/db";
import { rebuildFaceLists } from "@/lib/face-search/rebuild-face-lists";

// `npm run cli -- faces train-index`: trains the IVF lists of the plain-PostgreSQL face index.
export function registerFaceSearchCommands(program: Command) {
  const faces = program.command("faces").description("1:N face search index");
  faces
    .command("train-index")
    .description("train the face index's IVF lists on the faces indexed so far and refile every face (run once past ~100,000 faces, again after large growth)")
    .action(async () => {
      const result = await rebuildFaceLists(sqlPool(), (line) => console.log(line));
      console.log(`lists v${result.version}: ${result.lists} lists, ${result.faces} faces filed`);
    });
}
