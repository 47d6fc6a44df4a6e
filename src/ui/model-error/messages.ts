import { defineMessages } from '../../i18n';

/** One explanation per ModelError kind; the provider's own text is shown beside it, untranslated. */
export const messages = defineMessages(
  {
    auth: 'The server rejected the API key — check it in Settings.',
    forbidden: 'Access denied — the key may lack permission for this model.',
    not_found: 'Not found — check the base URL and the model name.',
    rate_limit: 'Rate limited or out of quota.',
    quota: 'Out of quota — check your plan and billing with the provider.',
    server: 'The server had an error.',
    bad_request: 'The server refused the request.',
    network: 'Could not reach the server. Is it running, is the base URL right, and does it allow requests from this page (CORS)?',
    timeout: 'The server did not answer in time.',
    stream: 'The answer stopped arriving or arrived garbled.',
    aborted: 'Stopped.',
    unknown: 'The request failed.',
    withStatus: '{explanation} (HTTP {status}).',
  },
  {
    auth: '服务器拒绝了 API 密钥，请在设置中检查。',
    forbidden: '访问被拒绝：该密钥可能没有使用此模型的权限。',
    not_found: '未找到：请检查 Base URL 和模型名称。',
    rate_limit: '请求过于频繁，或额度已用完。',
    quota: '额度已用完：请到服务商处检查你的套餐和账单。',
    server: '服务器出错了。',
    bad_request: '服务器拒绝了这个请求。',
    network: '无法连接到服务器。请确认服务器正在运行、Base URL 填写正确，并且允许来自此页面的请求（CORS）。',
    timeout: '服务器没有及时响应。',
    stream: '回答中途中断，或收到的数据格式有误。',
    aborted: '已停止。',
    unknown: '请求失败。',
    withStatus: '{explanation}（HTTP {status}）。',
  },
);
