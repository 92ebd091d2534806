import type { Root } from 'mdast';
import type { VFile } from 'vfile';

export const HEADING_ID: RegExp;
export default function remarkLesson(): (tree: Root, file: VFile) => void;
