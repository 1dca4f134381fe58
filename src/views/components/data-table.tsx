import type { ComponentChildren } from 'preact';

/**
 * A table of records that scrolls sideways on a narrow screen. Its caption names it for screen readers
 * (the page's heading already does for sighted readers) unless `showCaption` says it is the heading.
 */
export function DataTable({
  caption,
  showCaption = false,
  headers,
  children,
}: {
  caption: string;
  showCaption?: boolean;
  /** Column headings; null for a column the page leaves out (actions for those who may only look). */
  headers: readonly (string | null)[];
  /** The table's rows. */
  children: ComponentChildren;
}) {
  return (
    <div class="table-wrap">
      <table class="table">
        {showCaption ? <caption>{caption}</caption> : <caption class="visually-hidden">{caption}</caption>}
        <thead>
          <tr>{headers.map((h) => (h === null ? null : <th scope="col">{h}</th>))}</tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
