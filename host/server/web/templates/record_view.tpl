{{%AUTOESCAPE context="HTML"}}<h1>{{HEADING}}</h1>
<p><a href="{{BACK_URL}}">{{T_view_back}}</a></p>
{{#NONE}}<p class="empty">{{EMPTY}}</p>
{{/NONE}}{{#TABLE}}<div class="table-scroll" role="region" aria-label="{{HEADING}}" tabindex="0">
<table class="list record-view">
<caption class="visually-hidden">{{HEADING}}</caption>
<thead><tr>{{#COLUMN}}<th scope="col">{{LABEL}}</th>{{/COLUMN}}</tr></thead>
<tbody>
{{#ROW}}<tr>{{#CELL}}<td data-label="{{LABEL}}">{{TEXT}}</td>{{/CELL}}</tr>
{{/ROW}}</tbody>
</table>
</div>
{{/TABLE}}{{#HAS_NOTE}}<p class="hint">{{NOTE}}</p>
{{/HAS_NOTE}}
