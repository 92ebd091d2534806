/**
 * Navigation is data: one tree per locale (home → tracks → lessons, in presentation order) and one pure function
 * that derives breadcrumbs and prev/next from it. Pages never compute neighbours themselves.
 */

export interface NavLink {
  title: string;
  /** Absolute path with a trailing slash (static export uses directory URLs). */
  href: string;
}

/**
 * A section has `children` (possibly empty: a track with no lessons yet); a page in the reading sequence has none.
 * Invariant: hrefs are unique in a tree.
 */
export interface NavNode extends NavLink {
  children?: NavNode[];
}

export interface Position {
  /** From the root to the node itself (inclusive). Empty when the href is not in the tree. */
  breadcrumbs: NavLink[];
  /** Neighbouring pages in reading order across the whole tree: the first lesson of the next track follows the
   *  last lesson of a track. Sections (home, tracks) have neither. */
  prev: NavLink | null;
  next: NavLink | null;
}

const link = ({ title, href }: NavLink): NavLink => ({ title, href });

function pathTo(node: NavNode, href: string): NavNode[] | null {
  if (node.href === href) return [node];
  for (const child of node.children ?? []) {
    const rest = pathTo(child, href);
    if (rest) return [node, ...rest];
  }
  return null;
}

function pages(node: NavNode): NavNode[] {
  return node.children === undefined ? [node] : node.children.flatMap(pages);
}

export function locate(root: NavNode, href: string): Position {
  const trail = pathTo(root, href);
  if (!trail) return { breadcrumbs: [], prev: null, next: null };
  const self = trail[trail.length - 1];
  const sequence = pages(root);
  const i = self.children === undefined ? sequence.indexOf(self) : -1;
  return {
    breadcrumbs: trail.map(link),
    prev: i > 0 ? link(sequence[i - 1]) : null,
    next: i >= 0 && i < sequence.length - 1 ? link(sequence[i + 1]) : null,
  };
}
