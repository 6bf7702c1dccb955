import { forbidden } from "next/navigation";

// The old address of the forbidden page (bookmarks, links): the same page, with its 403.
export default function ForbiddenPage() {
  forbidden();
}
