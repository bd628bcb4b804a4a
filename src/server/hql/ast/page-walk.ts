import type { VisibilityBranch } from '../../security/visibility.js';

/**
 * How the outermost query finds the ids of its page when it reads one data table in id order with
 * a small page (`transformer/page-walk.ts`): for each visibility branch, and within it for each
 * group, the first `offset + limit` ids of an index range; those merged and paged; then only the
 * rows with those ids are read. Plain data: the compiler renders it, the transformers copy it.
 */
export interface PageWalk {
  readonly alias: string;
  readonly table: string;
  readonly direction: 'asc' | 'desc';
  readonly branches: readonly VisibilityBranch[];
  readonly offset: number;
  readonly limit: number;
}

export const PageWalk = Object.freeze({
  create(props: PageWalk): PageWalk {
    return Object.freeze({ ...props, branches: Object.freeze([...props.branches]) });
  },
});
