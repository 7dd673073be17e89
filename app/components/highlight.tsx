const PRE = "\u0001";
const POST = "\u0002";

/** Renders Meilisearch's highlighted text (marked with control characters) as text and <mark> elements. */
export function Highlighted({ text }: { text: string }) {
  const parts: React.ReactNode[] = [];
  let rest = text;
  let key = 0;
  while (rest.length) {
    const start = rest.indexOf(PRE);
    if (start === -1) {
      parts.push(rest);
      break;
    }
    if (start > 0) parts.push(rest.slice(0, start));
    const end = rest.indexOf(POST, start + 1);
    const marked = rest.slice(start + 1, end === -1 ? undefined : end);
    parts.push(<mark key={key++}>{marked}</mark>);
    rest = end === -1 ? "" : rest.slice(end + 1);
  }
  return <>{parts}</>;
}
