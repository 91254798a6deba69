{{%AUTOESCAPE context="HTML"}}<h1>{{T_plugins_title}}</h1>
<p class="intro">{{T_plugins_intro}}</p>
{{#HAS_NOTICE}}<p class="notice" role="status">{{NOTICE}}</p>
{{/HAS_NOTICE}}{{#HAS_ERROR}}<p class="error-summary" role="alert">{{ERROR}}</p>
{{/HAS_ERROR}}{{#EMPTY}}<p class="empty">{{T_plugins_empty}}</p>
{{/EMPTY}}{{#LIST}}<ul class="plugins">
{{/LIST}}{{#PLUGIN}}<li class="card plugin">
<div class="plugin-head">
<h2>{{#HAS_NAME}}{{NAME}} <span class="plugin-name">({{ID}})</span>{{/HAS_NAME}}{{#NO_NAME}}{{ID}}{{/NO_NAME}}</h2>
<span class="state state-{{STATE}}">{{STATE_LABEL}}</span>
</div>
<dl class="facts">
{{#HAS_VERSION}}<div><dt>{{T_plugins_version}}</dt><dd>{{VERSION}}</dd></div>
{{/HAS_VERSION}}{{#RUNNING}}<div><dt>{{T_plugins_hooks}}</dt><dd>{{HOOKS}}</dd></div>
<div><dt>{{T_plugins_tasks}}</dt><dd>{{TASKS}}</dd></div>
{{/RUNNING}}{{#HAS_REASON}}<div><dt>{{T_plugins_reason}}</dt><dd>{{REASON}}</dd></div>
{{/HAS_REASON}}</dl>
{{#SWITCH}}<form method="post" action="/plugins/{{ID}}" class="plugin-switch">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="enabled" value="{{ENABLED}}">
<button type="submit" class="secondary" aria-label="{{LABEL_FULL}}">{{LABEL}}</button>
</form>
{{/SWITCH}}</li>
{{/PLUGIN}}{{#LIST}}</ul>
{{/LIST}}
