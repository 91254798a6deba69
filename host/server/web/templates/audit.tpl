{{%AUTOESCAPE context="HTML"}}<h1>{{T_audit_title}}</h1>
<form method="get" action="/audit" class="filters" role="search" aria-label="{{T_audit_filters}}">
<div class="field">
<label for="entity">{{T_audit_entity}}</label>
<input id="entity" name="entity" type="text" autocomplete="off" value="{{ENTITY}}">
</div>
<div class="field">
<label for="entity-id">{{T_audit_entity_id}}</label>
<input id="entity-id" name="entity_id" type="text" autocomplete="off" value="{{ENTITY_ID}}">
</div>
<div class="field">
<label for="action">{{T_audit_action}}</label>
<input id="action" name="action" type="text" autocomplete="off" value="{{ACTION}}">
</div>
<div class="field">
<label for="plugin">{{T_audit_plugin}}</label>
<input id="plugin" name="plugin" type="text" autocomplete="off" value="{{PLUGIN}}">
</div>
<div class="field">
<button type="submit" class="secondary">{{T_audit_filter}}</button>
</div>
</form>
<p class="hint">{{T_audit_zone}} {{ZONE}}</p>
{{#EMPTY}}<p class="empty">{{T_audit_empty}}</p>
{{/EMPTY}}{{#TABLE}}<table class="list audit">
<caption class="visually-hidden">{{T_audit_title}}</caption>
<thead><tr><th scope="col">{{T_audit_at}}</th><th scope="col">{{T_audit_actor}}</th><th scope="col">{{T_audit_action}}</th><th scope="col">{{T_audit_entity}}</th><th scope="col">{{T_audit_details}}</th></tr></thead>
<tbody>
{{/TABLE}}{{#ENTRY}}<tr><td data-label="{{T_audit_at}}"><time datetime="{{AT_ISO}}">{{AT}}</time></td><td data-label="{{T_audit_actor}}">{{ACTOR}}</td><td data-label="{{T_audit_action}}"><code>{{ACTION}}</code></td><td data-label="{{T_audit_entity}}">{{ENTITY}}{{#HAS_ENTITY_ID}} <span class="entity-id">{{ENTITY_ID}}</span>{{/HAS_ENTITY_ID}}</td><td data-label="{{T_audit_details}}">{{#HAS_DETAILS}}<pre class="details">{{DETAILS:pre_escape}}</pre>{{/HAS_DETAILS}}{{#NO_DETAILS}}<span aria-hidden="true">—</span><span class="visually-hidden">{{T_audit_no_details}}</span>{{/NO_DETAILS}}</td></tr>
{{/ENTRY}}{{#TABLE}}</tbody>
</table>
{{/TABLE}}{{#PAGER}}<nav class="pager" aria-label="{{T_audit_pages}}">
{{#NEWEST}}<a href="{{NEWEST_URL}}">{{T_audit_newest}}</a>
{{/NEWEST}}{{#OLDER}}<a href="{{OLDER_URL}}" rel="next">{{T_audit_older}}</a>
{{/OLDER}}</nav>
{{/PAGER}}
