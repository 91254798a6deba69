{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="{{LANG}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="htmx-config" content='{"includeIndicatorStyles": false, "allowEval": false, "allowScriptTags": false, "historyCacheSize": 0}'>
<title>{{TITLE}} · {{T_site_name}}</title>
<link rel="stylesheet" href="{{CSS_URL}}">
<script src="{{JS_URL}}" defer></script>
{{#HTMX}}<script src="{{HTMX_URL}}" defer></script>
{{/HTMX}}</head>
<body>
<a class="skip" href="#main">{{T_skip}}</a>
<header class="top">
<a class="brand" href="/">{{T_site_name}}</a>
{{#SIGNED_IN}}<nav class="menu" aria-label="{{T_nav_label}}">
<ul>
<li><a href="/"{{#NAV_HOME_CURRENT}} aria-current="page"{{/NAV_HOME_CURRENT}}>{{T_nav_home}}</a></li>
<li><a href="/customers"{{#NAV_CUSTOMERS_CURRENT}} aria-current="page"{{/NAV_CUSTOMERS_CURRENT}}>{{T_nav_customers}}</a></li>
<li><a href="/invoices"{{#NAV_INVOICES_CURRENT}} aria-current="page"{{/NAV_INVOICES_CURRENT}}>{{T_nav_invoices}}</a></li>
{{#PLUGIN_NAV}}<li><a href="{{URL}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{LABEL}}</a></li>
{{/PLUGIN_NAV}}<li><a href="/settings"{{#NAV_SETTINGS_CURRENT}} aria-current="page"{{/NAV_SETTINGS_CURRENT}}>{{T_nav_settings}}</a></li>
{{#ADMIN}}<li><a href="/audit"{{#NAV_AUDIT_CURRENT}} aria-current="page"{{/NAV_AUDIT_CURRENT}}>{{T_nav_audit}}</a></li>
<li><a href="/plugins"{{#NAV_PLUGINS_CURRENT}} aria-current="page"{{/NAV_PLUGINS_CURRENT}}>{{T_nav_plugins}}</a></li>
<li><a href="/users"{{#NAV_USERS_CURRENT}} aria-current="page"{{/NAV_USERS_CURRENT}}>{{T_nav_users}}</a></li>
{{/ADMIN}}</ul>
</nav>
<div class="who">
<span class="user"><span class="visually-hidden">{{T_nav_signed_in_as}} </span>{{USER}} <span class="role">({{ROLE}})</span></span>
<form method="post" action="/language" class="language-switch">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="language" value="{{OTHER_LANG}}">
<button type="submit" class="secondary" lang="{{OTHER_LANG}}">{{OTHER_LANG_NAME}}</button>
</form>
<form method="post" action="/sign-out" class="sign-out">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit" class="secondary">{{T_nav_sign_out}}</button>
</form>
</div>
{{/SIGNED_IN}}</header>
<main id="main" tabindex="-1">
{{>CONTENT}}
</main>
</body>
</html>
