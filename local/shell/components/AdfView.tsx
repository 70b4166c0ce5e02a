/** Renders an ADF document (Jira REST v3 descriptions) as React elements; unknown nodes show their text. */
import type { ReactNode } from 'react';
import { adfToText, childrenOf, isAdfNode, MAX_DEPTH, type AdfNode } from '../adf';

function safeHref(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  return /^(https?:|mailto:|#|\/)/i.test(value) ? value : undefined;
}

function renderText(node: AdfNode, key: number): ReactNode {
  let out: ReactNode = typeof node.text === 'string' ? node.text : '';
  for (const mark of Array.isArray(node.marks) ? node.marks : []) {
    switch (mark?.type) {
      case 'strong':
        out = <strong>{out}</strong>;
        break;
      case 'em':
        out = <em>{out}</em>;
        break;
      case 'code':
        out = <code>{out}</code>;
        break;
      case 'strike':
        out = <s>{out}</s>;
        break;
      case 'underline':
        out = <u>{out}</u>;
        break;
      case 'link': {
        const href = safeHref(mark.attrs?.['href']);
        out = href ? (
          <a href={href} target="_blank" rel="noreferrer">
            {out}
          </a>
        ) : (
          out
        );
        break;
      }
      default:
        break;
    }
  }
  return <span key={key}>{out}</span>;
}

function render(node: AdfNode, key: number, depth: number): ReactNode {
  if (depth > MAX_DEPTH) return null;
  const kids = () => childrenOf(node).map((c, i) => render(c, i, depth + 1));
  switch (node.type) {
    case 'doc':
      return <div key={key}>{kids()}</div>;
    case 'paragraph':
      return <p key={key}>{kids()}</p>;
    case 'heading': {
      const level = Math.min(Math.max(Number(node.attrs?.['level']) || 3, 1), 6);
      // Description headings sit below the page's h1/h2, so they start at h3.
      const Tag = `h${Math.min(level + 2, 6)}` as 'h3';
      return <Tag key={key}>{kids()}</Tag>;
    }
    case 'text':
      return renderText(node, key);
    case 'hardBreak':
      return <br key={key} />;
    case 'bulletList':
      return <ul key={key}>{kids()}</ul>;
    case 'orderedList': {
      const start = Number(node.attrs?.['order']);
      return (
        <ol key={key} start={Number.isFinite(start) && start > 1 ? start : undefined}>
          {kids()}
        </ol>
      );
    }
    case 'listItem':
      return <li key={key}>{kids()}</li>;
    case 'codeBlock':
      return (
        <pre key={key}>
          <code>{adfToText(node)}</code>
        </pre>
      );
    case 'blockquote':
      return <blockquote key={key}>{kids()}</blockquote>;
    case 'rule':
      return <hr key={key} />;
    default: {
      const text = adfToText(node);
      return text ? <span key={key}>{text}</span> : null;
    }
  }
}

export function AdfView({ value }: { value: unknown }) {
  if (typeof value === 'string') return <div className="adf"><p style={{ whiteSpace: 'pre-wrap' }}>{value}</p></div>;
  if (!isAdfNode(value) || childrenOf(value).length === 0) return <p className="muted">No description</p>;
  return <div className="adf">{render(value, 0, 0)}</div>;
}
