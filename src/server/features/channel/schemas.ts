import { MESSAGE_MAX } from '../../../domain/channel/text';
import { ID } from '../../http/schemas';
import { ATTACHMENT_MAX_BASE64 } from './attachments';

// JSON schemas of the team channel's routes (and so of its OpenAPI description).

const str = { type: 'string' } as const;
const nstr = { type: ['string', 'null'] } as const;
const bool = { type: 'boolean' } as const;

export const teamParams = { type: 'object', required: ['teamId'], additionalProperties: false, properties: { teamId: ID } } as const;
export const messageParams = { type: 'object', required: ['messageId'], additionalProperties: false, properties: { messageId: ID } } as const;
export const attachmentParams = { type: 'object', required: ['attachmentId'], additionalProperties: false, properties: { attachmentId: ID } } as const;

export const messageJson = {
  type: 'object',
  properties: {
    id: str, teamId: str, kind: { type: 'string', enum: ['message', 'announcement', 'guide'] }, parentId: nstr,
    author: { type: ['object', 'null'], properties: { id: str, username: nstr, displayName: nstr, agencyName: nstr } },
    text: { ...nstr, description: 'null once deleted' }, createdAt: str, editedAt: nstr, deletedAt: nstr, resolvedAt: nstr,
    replyCount: { type: 'integer' }, lastReplyAt: nstr,
    mentions: { type: 'array', items: { type: 'object', properties: { id: str, username: str } } },
    links: {
      type: 'array', description: 'person/case links in the text; visible false: render "(tidak dapat dilihat)"',
      items: { type: 'object', properties: { ref: str, kind: { type: 'string', enum: ['person', 'case'] }, id: str, visible: bool } },
    },
    attachments: { type: 'array', items: { type: 'object', properties: { id: str, filename: str, mime: str, size: { type: 'integer' } } } },
    abilities: { type: 'object', properties: { edit: bool, delete: bool, resolve: bool } },
  },
} as const;

export const messageDetailJson = {
  type: 'object',
  properties: { ...messageJson.properties, history: { type: 'array', description: 'earlier texts, oldest first', items: { type: 'object', properties: { text: str, editedAt: str } } } },
} as const;

export const memberJson = { type: 'object', properties: { id: str, username: str, displayName: str, agencyName: nstr, position: str } } as const;

export const overviewJson = {
  type: 'object',
  properties: {
    team: { type: 'object', properties: { id: str, name: str, regionCode: str } },
    abilities: { type: 'object', properties: { post: bool, announce: bool, readLog: bool } },
    members: { type: 'array', items: memberJson },
    pinned: { type: 'array', items: messageJson },
    unread: { type: 'integer' }, lastReadMessageId: nstr, latestMessageId: { ...nstr, description: 'the newest message (any thread): mark it read to clear the count' },
  },
} as const;

export const listQuery = {
  type: 'object', additionalProperties: false,
  properties: {
    q: { type: 'string', minLength: 1, maxLength: 100, description: 'words the message contains (all of them)' },
    thread: { ...ID, description: 'the replies of this thread, instead of the top-level messages' },
    before: { type: 'string', maxLength: 40, description: 'createdAt of the oldest message already shown' },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
  },
} as const;

export const postBody = {
  type: 'object', required: ['text'], additionalProperties: false,
  properties: {
    text: { type: 'string', maxLength: MESSAGE_MAX },
    parentId: { ...ID, description: 'reply in this thread' },
    announcement: { type: 'boolean', description: 'chair, secretary or immigration only' },
    attachmentIds: { type: 'array', maxItems: 5, uniqueItems: true, items: ID },
  },
  examples: [{ text: 'Rapat koordinasi Kamis pukul 09.00. @polres.soppeng mohon siapkan data operasi.' }],
} as const;

export const editBody = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: MESSAGE_MAX } }, examples: [{ text: 'Ralat: rapat pukul 10.00.' }] } as const;
export const resolveBody = { type: 'object', required: ['resolved'], additionalProperties: false, properties: { resolved: bool }, examples: [{ resolved: true }] } as const;
export const readBody = { type: 'object', required: ['messageId'], additionalProperties: false, properties: { messageId: ID }, examples: [{ messageId: 'message-id' }] } as const;
export const uploadBody = {
  type: 'object', required: ['filename', 'contentBase64'], additionalProperties: false,
  properties: { filename: { type: 'string', minLength: 1, maxLength: 200 }, contentBase64: { type: 'string', minLength: 4, maxLength: ATTACHMENT_MAX_BASE64, description: 'JPEG, PNG or PDF, at most 5 MB' } },
  examples: [{ filename: 'surat.pdf', contentBase64: 'JVBERi0xLjQK' }],
} as const;
