/**
 * A small trend line for a table cell, rendered on the server as SVG. Its accessible name carries every
 * value, so a screen reader (and a curious hover) gets the numbers, not just the shape.
 */
export function Sparkline({ values, label, width = 120, height = 28 }: { values: readonly number[]; label: string; width?: number; height?: number }) {
  const max = Math.max(1, ...values);
  const step = values.length > 1 ? (width - 4) / (values.length - 1) : 0;
  const y = (v: number) => height - 3 - (v / max) * (height - 6);
  const points = values.map((v, i) => `${(2 + i * step).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
  const last = values.at(-1) ?? 0;
  return (
    <svg className="sparkline" role="img" aria-label={label} viewBox={`0 0 ${width} ${height}`} width={width} height={height}>
      <title>{label}</title>
      <polyline points={points} fill="none" stroke="#1f5f5b" strokeWidth="2" strokeLinejoin="round" strokeLinecap="round" />
      {values.length ? <circle cx={2 + (values.length - 1) * step} cy={y(last)} r="2.5" fill="#1f5f5b" /> : null}
    </svg>
  );
}
