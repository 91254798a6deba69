{{%AUTOESCAPE context="HTML"}}<h1>{{T_users_title}}</h1>
<p class="intro">{{T_users_intro}}</p>
{{#HAS_NOTICE}}<p class="notice" role="status">{{NOTICE}}</p>
{{/HAS_NOTICE}}{{#TOKEN}}<div class="notice token" role="status"><p>{{T_users_token_once}} <strong>{{USER}}</strong>:</p><p><code>{{VALUE}}</code></p></div>
{{/TOKEN}}{{#HAS_ERRORS}}<p class="error-summary" role="alert">{{T_form_errors}}{{#HAS_USER_ERROR}} <span lang="en">{{USER_ERROR}}</span>{{/HAS_USER_ERROR}}</p>
{{/HAS_ERRORS}}<div class="table-scroll" role="region" aria-label="{{T_users_title}}" tabindex="0">
<table class="list users">
<caption class="visually-hidden">{{T_users_title}}</caption>
<thead><tr><th scope="col">{{T_users_name}}</th><th scope="col">{{T_users_role}}</th><th scope="col">{{T_users_state}}</th><th scope="col">{{T_users_password}}</th><th scope="col">{{T_users_manage}}</th></tr></thead>
<tbody>
{{#USER}}<tr><td data-label="{{T_users_name}}">{{NAME}}</td><td data-label="{{T_users_role}}">{{ROLE}}</td><td data-label="{{T_users_state}}">{{STATE}}</td><td data-label="{{T_users_password}}">{{PASSWORD}}</td><td data-label="{{T_users_manage}}">{{#CONFIG}}<span class="hint">{{CONFIG_NOTE}}</span>{{/CONFIG}}{{#MANAGE}}<details class="manage"><summary>{{T_users_manage}} <span class="visually-hidden">{{NAME}}</span></summary>
{{#HAS_ERROR}}<p class="field-error" lang="en">{{ERROR}}</p>
{{/HAS_ERROR}}<form method="post" action="/users/{{NAME}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="do" value="role">
<label for="role-{{NAME}}">{{T_users_role}}</label>
<select id="role-{{NAME}}" name="role"><option value="accountant"{{#IS_ACCOUNTANT_ROLE}} selected{{/IS_ACCOUNTANT_ROLE}}>{{T_role_accountant}}</option><option value="admin"{{#IS_ADMIN_ROLE}} selected{{/IS_ADMIN_ROLE}}>{{T_role_admin}}</option></select>
<button type="submit" class="secondary">{{T_users_set_role}}</button>
</form>
{{#ENABLED}}<form method="post" action="/users/{{NAME}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="do" value="password">
<label for="password-{{NAME}}">{{T_users_new_password}}</label>
<input id="password-{{NAME}}" name="password" type="password" autocomplete="new-password" minlength="12">
<button type="submit" class="secondary">{{T_users_set_password}}</button>
</form>
<form method="post" action="/users/{{NAME}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="do" value="issue_token">
<button type="submit" class="secondary">{{T_users_issue_token}}</button>
</form>
<form method="post" action="/users/{{NAME}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="do" value="revoke_token">
<button type="submit" class="secondary">{{T_users_revoke_token}}</button>
</form>
{{/ENABLED}}<form method="post" action="/users/{{NAME}}" class="inline">
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#CAN_DISABLE}}<input type="hidden" name="do" value="disable"><button type="submit" class="secondary">{{T_users_disable}}</button>{{/CAN_DISABLE}}{{#CAN_ENABLE}}<input type="hidden" name="do" value="enable"><button type="submit" class="secondary">{{T_users_enable}}</button>{{/CAN_ENABLE}}
</form>
</details>{{/MANAGE}}</td></tr>
{{/USER}}</tbody>
</table>
</div>
<h2>{{T_users_add}}</h2>
<form method="post" action="/users" class="form" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<div class="field">
<label for="new-name">{{T_users_name}}</label>
<input id="new-name" name="name" type="text" autocomplete="off" value="{{NEW_NAME}}" aria-describedby="new-name-hint{{#NAME_INVALID}} new-name-error{{/NAME_INVALID}}"{{#NAME_INVALID}} aria-invalid="true"{{/NAME_INVALID}}>
<p id="new-name-hint" class="hint">{{T_users_name_hint}}</p>
{{#NAME_ERROR}}<p id="new-name-error" class="field-error" lang="en">{{ERROR}}</p>
{{/NAME_ERROR}}</div>
<div class="field">
<label for="new-role">{{T_users_role}}</label>
<select id="new-role" name="role"><option value="accountant"{{#NEW_ACCOUNTANT}} selected{{/NEW_ACCOUNTANT}}>{{T_role_accountant}}</option><option value="admin"{{#NEW_ADMIN}} selected{{/NEW_ADMIN}}>{{T_role_admin}}</option></select>
</div>
<div class="field">
<label for="new-password">{{T_users_password}}</label>
<input id="new-password" name="password" type="password" autocomplete="new-password" aria-describedby="new-password-hint{{#PASSWORD_INVALID}} new-password-error{{/PASSWORD_INVALID}}"{{#PASSWORD_INVALID}} aria-invalid="true"{{/PASSWORD_INVALID}}>
<p id="new-password-hint" class="hint">{{T_users_password_hint}}</p>
{{#PASSWORD_ERROR}}<p id="new-password-error" class="field-error" lang="en">{{ERROR}}</p>
{{/PASSWORD_ERROR}}</div>
<div class="actions"><button type="submit">{{T_users_add_button}}</button></div>
</form>
