// The few styles the partner forms add to the shared page shell: large touch targets for checkboxes,
// labelled inputs that fill the phone's width, and field errors next to their field.
import type { SafeHtml } from '../../pages/html';
import { stylesheet, stylesheetLink } from '../../pages/stylesheet';

const FORM_STYLE = `
.field{margin:0 0 .9rem}.field label{display:block;font-weight:600;margin-bottom:.25rem}
.field input[type=text],.field input[type=tel]{width:100%;font-size:1rem;padding:.65rem .75rem;border:1px solid #d0d7de;border-radius:8px;font-family:inherit}
.field input[aria-invalid=true]{border-color:#cf222e;background:#fff8f8}.hint{color:#59636e;font-size:.8rem;margin:.2rem 0 0}
.req{color:#cf222e;font-size:.75rem;font-weight:400;margin-left:.35rem}.field-error{color:#cf222e;font-size:.875rem;margin:.25rem 0 0}
.check{display:flex;gap:.6rem;align-items:flex-start;padding:.6rem 0;border-bottom:1px solid #eaeef2}.check:last-child{border-bottom:0}
.check input{width:1.35rem;height:1.35rem;flex:none;margin:.1rem 0 0}.check[data-missing] span{color:#cf222e}
.alert{border-left:4px solid #cf222e;background:#fff8f8;padding:.6rem .8rem;border-radius:6px;margin:0 0 1rem}
.notice{border-left:4px solid #1a7f37;background:#f3fbf5;padding:.6rem .8rem;border-radius:6px;margin:0 0 1rem}
.line{background:#06c755;color:#fff;font-weight:700}`;

/** Served at /assets/form.css. */
export const FORM_STYLESHEET = stylesheet('form.css', FORM_STYLE);

/** The partner forms' stylesheet, placed at the top of a page body. */
export const formStyle = (): SafeHtml => stylesheetLink(FORM_STYLESHEET);
