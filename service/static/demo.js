// The demo page lists the notices the service holds (from /v1/documents), so it describes whatever is stored.
fetch("/v1/documents").then(function (r) { return r.ok ? r.json() : { documents: [] }; }).then(function (data) {
  var list = document.getElementById("demo-notices");
  (data.documents || []).forEach(function (d) {
    var li = document.createElement("li");
    li.textContent = d.doc_number + " " + (d.title_en || d.title) + (d.title_en ? " (" + d.title + ")" : "");
    list.appendChild(li);
  });
});
