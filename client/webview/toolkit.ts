/**
 * The only module that knows the UI component library.
 *
 * @vscode/webview-ui-toolkit is sunset upstream (its repository is archived). Every toolkit import and
 * every `vscode-*` tag name lives here and nowhere else, behind small factory functions, so replacing it
 * with @vscode-elements/elements (`vscode-table`, `vscode-progress-ring`, `vscode-badge`, `vscode-button`)
 * is a change to this one file. `vscode-badge` is not used: its template binds a `style` attribute, which
 * the panel's Content-Security-Policy (no 'unsafe-inline') blocks; a tag shows counts instead. The progress
 * ring's template holds such an attribute too, used only by the determinate ring: the policy blocks it once,
 * with a console message and no visible effect, since the panel's ring is indeterminate.
 */
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeDataGrid,
  vsCodeDataGridCell,
  vsCodeDataGridRow,
  vsCodeProgressRing,
  vsCodeTag,
  type DataGrid,
} from "@vscode/webview-ui-toolkit";

export interface GridColumn {
  /** The row property shown in this column. */
  readonly key: string;
  readonly title: string;
  /** A CSS grid track size, such as `1fr` or `2fr`. */
  readonly width: string;
}

/** Defines the custom elements; call once before creating any component. */
export function registerToolkit(): void {
  provideVSCodeDesignSystem().register(
    vsCodeButton(),
    vsCodeDataGrid(),
    vsCodeDataGridCell(),
    vsCodeDataGridRow(),
    vsCodeProgressRing(),
    vsCodeTag(),
  );
}

/** A read-only table with a header row; `rows` are plain objects keyed by the columns' `key`s. */
export function createDataGrid(rows: readonly object[], columns: readonly GridColumn[]): HTMLElement {
  const grid = document.createElement("vscode-data-grid") as DataGrid;
  grid.setAttribute("aria-label", "Finished migrations");
  grid.generateHeader = "sticky";
  grid.gridTemplateColumns = columns.map((c) => c.width).join(" ");
  grid.columnDefinitions = columns.map((c) => ({ columnDataKey: c.key, title: c.title }));
  grid.rowsData = [...rows];
  return grid;
}

/** Replaces the rows of a grid made by `createDataGrid`. */
export function setDataGridRows(grid: HTMLElement, rows: readonly object[]): void {
  (grid as DataGrid).rowsData = [...rows];
}

/** An indeterminate spinner. */
export function createProgressRing(label: string): HTMLElement {
  const ring = document.createElement("vscode-progress-ring");
  ring.setAttribute("aria-label", label);
  return ring;
}

/** A short label for a state or a count, such as "running" or "3 finished". */
export function createTag(text: string): HTMLElement {
  const tag = document.createElement("vscode-tag");
  tag.textContent = text;
  return tag;
}

/** A secondary button that calls `onClick` when pressed. */
export function createButton(label: string, onClick: () => void): HTMLElement {
  const button = document.createElement("vscode-button");
  button.setAttribute("appearance", "secondary");
  button.textContent = label;
  button.addEventListener("click", onClick);
  return button;
}
