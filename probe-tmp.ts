import { analyseImage } from "@/lib/face-engine/analyse-image";
import { readFixtureGroup } from "@/lib/face-engine/face-fixtures";
import sharp from "sharp";
for (const p of [...(await readFixtureGroup("people")), ...(await readFixtureGroup("same-person"))]) {
  const r = await analyseImage(p.bytes);
  const m = await analyseImage(await sharp(p.bytes).flop().jpeg().toBuffer());
  console.log(p.name, r.analysisMs, r.faces.map((f) => `${f.pose.yaw}/${f.pose.pitch} q=${JSON.stringify(f.quality)} live=${f.liveness} real=${f.antispoof}`).join(" | "), " mirror:", m.faces.map((f) => f.pose.yaw).join(","));
}
