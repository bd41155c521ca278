// The page of the GraphQL IDE: GraphiQL 4 (React 18's browser builds, graphql-ws's browser build), every file
// from this server. A bar above the IDE picks a demo caller; its token is sent unless the headers editor sets one.

/** What the page needs to know, embedded as JSON. */
export interface IdePageSettings {
  /** Path of the GraphQL endpoint on this server (HTTP and graphql-ws). */
  graphqlPath: string;
  assetPath: string;
  callers: Array<{ label: string; token: string }>;
  defaultQuery: string;
}

export const IDE_DEFAULT_QUERY = `# Pick a caller above, then run (Ctrl-Enter). Subscriptions run over graphql-ws.
query Inbox {
  me { role scope }
  tickets(first: 5) {
    edges { node { number subject status ownerParty priority } }
    pageInfo { hasNextPage endCursor }
  }
}
`;

/** JSON that may sit inside a <script> element: no "</script>", no HTML comment openers. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
}

export function idePage(settings: IdePageSettings): string {
  const asset = (name: string) => `${settings.assetPath}/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Marketplace ticketing API — GraphiQL</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>
  html, body { height: 100%; margin: 0; }
  body { display: flex; flex-direction: column; font-family: system-ui, sans-serif; }
  #caller-bar { display: flex; gap: 0.5rem; align-items: center; padding: 0.4rem 0.8rem; border-bottom: 1px solid #ddd; font-size: 14px; }
  #graphiql { flex: 1; min-height: 0; }
</style>
</head>
<body>
<div id="caller-bar"><label for="caller">Caller</label><select id="caller"><option value="">none (headers editor only)</option></select>
<span>demo tokens of this development server; a header set in the Headers editor wins</span></div>
<div id="graphiql"></div>
<script type="application/json" id="ide-settings">${scriptSafeJson(settings)}</script>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphql-ws.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script src="${asset('ide.js')}"></script>
</body>
</html>
`;
}

/** The page's own script: the fetcher (HTTP for queries and mutations, graphql-ws for subscriptions) and the caller bar. */
export const IDE_SCRIPT = `(function () {
  'use strict';
  var settings = JSON.parse(document.getElementById('ide-settings').textContent);
  var picker = document.getElementById('caller');
  var sockets = {};
  var subscriptionUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + settings.graphqlPath;

  settings.callers.forEach(function (caller, index) {
    var option = document.createElement('option');
    option.value = caller.token;
    option.textContent = caller.label;
    picker.appendChild(option);
    if (index === 0) picker.value = caller.token;
  });
  if (settings.callers.length === 0) document.getElementById('caller-bar').hidden = true;

  /** The picked caller's token, overridden by any header of the same name in the headers editor. */
  function requestHeaders(editorHeaders) {
    var headers = { 'content-type': 'application/json' };
    if (picker.value) headers.authorization = 'Bearer ' + picker.value;
    Object.keys(editorHeaders || {}).forEach(function (name) {
      headers[name.toLowerCase()] = editorHeaders[name];
    });
    return headers;
  }

  /** Whether the operation to run is a subscription: the named one, else the document's first. */
  function isSubscription(params) {
    var text = (params.query || '').replace(/#[^\\n]*/g, '');
    if (params.operationName) return new RegExp('\\\\bsubscription\\\\s+' + params.operationName + '\\\\b').test(text);
    return /^\\s*subscription\\b/.test(text);
  }

  /** One socket per credential; graphql-ws carries the credential in connection_init. */
  function socketFor(headers) {
    var credentials = {};
    if (headers.authorization) credentials.authorization = headers.authorization;
    if (headers['x-api-key']) credentials['x-api-key'] = headers['x-api-key'];
    var key = JSON.stringify(credentials);
    if (!sockets[key]) sockets[key] = graphqlWs.createClient({ url: subscriptionUrl, connectionParams: credentials, retryAttempts: 0 });
    return sockets[key];
  }

  function fetcher(params, options) {
    var headers = requestHeaders(options && options.headers);
    if (isSubscription(params)) {
      return socketFor(headers).iterate({ query: params.query, variables: params.variables, operationName: params.operationName });
    }
    return fetch(settings.graphqlPath, { method: 'POST', headers: headers, body: JSON.stringify(params) }).then(function (response) {
      return response.json();
    });
  }

  var query = new URLSearchParams(window.location.search).get('query');
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultQuery: settings.defaultQuery, query: query || undefined, defaultEditorToolsVisibility: true }),
  );
})();
`;
