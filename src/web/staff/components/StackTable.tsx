import { Table, type TableProps } from '@mantine/core';
import { type CSSProperties, type ReactNode, type RefObject, useLayoutEffect, useRef } from 'react';
import './kit.css';

/**
 * A table that stays readable on a phone. Where its box is wider than 40em it is an ordinary table; narrower,
 * each row becomes a card and each cell shows its column's name before its value ("Status: Active"), so no
 * column is cut off or hidden behind a sideways scroll. The names are the table's own column headers, copied
 * onto the cells after each render, so a table needs nothing but this wrapper.
 *
 * A grid too wide for any screen (a year of months side by side) gives `minWidth` and a `label`: wider than
 * 40em it scrolls sideways in a named region that takes keyboard focus, so it can be scrolled without a pointer.
 */
export function StackTable({
  children,
  minWidth,
  label,
  ...props
}: TableProps & { children: ReactNode; minWidth?: number; label?: string }) {
  const box = useRef<HTMLElement>(null);
  useLayoutEffect(() => {
    const table = box.current?.querySelector('table');
    if (table) labelCells(table);
  });
  if (minWidth === undefined) {
    return (
      <div className="stack-table" ref={box as RefObject<HTMLDivElement>}>
        <Table {...props}>{children}</Table>
      </div>
    );
  }
  return (
    <section
      className="stack-table stack-table-wide"
      ref={box}
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a region that scrolls must take focus to be scrolled by keyboard
      tabIndex={0}
      style={{ '--stack-table-min-width': `${minWidth}px` } as CSSProperties}
    >
      <Table {...props}>{children}</Table>
    </section>
  );
}

/** Gives every body cell the text of its column's header, as `data-label`, for the stacked layout to show. */
export function labelCells(table: HTMLTableElement) {
  const headers = [...(table.tHead?.rows[0]?.cells ?? [])].flatMap((cell) =>
    Array.from({ length: cell.colSpan }, () => cell.textContent?.trim() ?? ''),
  );
  for (const body of table.tBodies) {
    for (const row of body.rows) {
      let column = 0;
      for (const cell of row.cells) {
        const label = headers[column];
        if (label && cell.colSpan === 1) cell.dataset.label = label;
        else delete cell.dataset.label;
        column += cell.colSpan;
      }
    }
  }
}
