// Shared by the link workflows: a refused link attempt the API reports (common/links/refusals.ts)
// becomes the `LinkRefusal` search attribute of the workflow.
import { patched, setHandler, upsertSearchAttributes } from '@temporalio/workflow';
import { LINK_REFUSAL_PATCH, linkRefusedSignal, RECORDED_LINK_REFUSALS } from '../common/links/refusals';
import { LinkRefusal } from '../common/search-attributes';

export function recordLinkRefusals(): void {
  setHandler(linkRefusedSignal, ({ type }) => {
    if (!RECORDED_LINK_REFUSALS.includes(type)) return;
    if (patched(LINK_REFUSAL_PATCH)) upsertSearchAttributes([{ key: LinkRefusal, value: type }]);
  });
}
